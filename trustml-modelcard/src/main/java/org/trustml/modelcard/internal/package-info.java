/**
 * Implementation detail of trustml-modelcard that knows nothing of the card API: the Jackson mappers and
 * parsers, the located tree, linear-time YAML scanning, JSON paths, tree merging, Python float text, the early
 * schema revision and text helpers. The card reader ({@code LocatedTreeReader}) and the Mustache view
 * ({@code CardView}) are package-private in {@code org.trustml.modelcard}; nothing here imports that package.
 * Not API.
 */
package org.trustml.modelcard.internal;
