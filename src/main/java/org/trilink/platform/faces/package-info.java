/**
 * The portal's shell around the feature pages: language, labels and dates from the zh-CN and
 * en bundles, the signed-in person as pages see them, and the friendly error page.
 */
package org.trilink.platform.faces;
