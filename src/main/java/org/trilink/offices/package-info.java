/**
 * The district's regions (towns and streets), its offices (police stations, judicial
 * offices, law firms, committees, the court, the hotline, partner agencies) and their staff.
 */
package org.trilink.offices;
