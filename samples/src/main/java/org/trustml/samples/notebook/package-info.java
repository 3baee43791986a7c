/**
 * Rich output in Jupyter notebooks with a Java kernel: trustml results as HTML tables and images,
 * published to rapaio-jupyter-kernel, IJava or JJava, whichever is running. It lives with the
 * samples because it needs every module and is meant for exploring, not for applications.
 */
package org.trustml.samples.notebook;
