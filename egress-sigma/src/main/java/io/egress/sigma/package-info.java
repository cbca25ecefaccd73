/** Sigma rules: YAML → detection tree → KQL over the Defender tables, so Sigma runs on the KQL engine. */
package io.egress.sigma;
