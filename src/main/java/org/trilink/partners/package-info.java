/**
 * Partner exchange (contract partner-exchange-v1): the partner registry, signed inbound
 * referrals over HTTP, files, SFTP and a queue, and the outbox of signed callbacks, all
 * carried by Apache Camel routes that call the transactional control beans here.
 */
package org.trilink.partners;
