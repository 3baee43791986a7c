/** Autoencoder drift checker, statistical drift tests and active-learning selection (issue: trustml-drift). */
package org.trustml.drift;
