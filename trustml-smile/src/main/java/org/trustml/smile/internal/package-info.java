/** Tables to Smile's arrays and data frames, seeded fitting on a pool of its own; not API. */
package org.trustml.smile.internal;
