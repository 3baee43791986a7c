/** The server's internals: routing, request/response codec, batching, metrics. Not API. */
package org.trustml.serving.internal;
