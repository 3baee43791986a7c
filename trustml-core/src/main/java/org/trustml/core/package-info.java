/** Errors and version facts shared by every trustml module. */
package org.trustml.core;
