package org.trustml.core.pipeline.spec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of a {@link StageSpec} or {@link EvaluatorSpec} record (or of a record they hold, such as a
 * gate) that a pipeline file must give. The record's constructor still refuses it missing, with its own message;
 * this mark puts the field in the JSON Schema's {@code required} and in {@code trustml run --check}'s report.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface Required {}
