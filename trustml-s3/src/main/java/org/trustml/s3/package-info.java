/**
 * S3-compatible object stores (AWS SDK for Java v2 with its URL-connection HTTP client): {@link
 * org.trustml.s3.S3ObjectStore}, the {@link org.trustml.publish.ObjectStore} the publish stage uploads packages
 * to. The only trustml module with the AWS SDK on its classpath.
 */
package org.trustml.s3;
