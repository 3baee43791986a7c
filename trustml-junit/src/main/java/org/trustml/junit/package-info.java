/** AssertJ-style assertions and a JUnit 5 extension for model quality gates (issue: trustml-junit). */
package org.trustml.junit;
