/** Tables to Tribuo examples and back; not API. */
package org.trustml.tabular.internal;
