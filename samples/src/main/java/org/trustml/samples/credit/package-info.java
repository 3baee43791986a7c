/**
 * Sample (3): tabular credit scoring with Tribuo on generated applicants whose historical labels
 * carry a planted bias against women, trained as is and after Reweighing, compared and blessed.
 */
package org.trustml.samples.credit;
