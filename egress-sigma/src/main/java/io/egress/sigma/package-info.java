/** Sigma rules: YAML → detection tree → KQL over the Defender and raw per-source tables, so Sigma runs on the KQL engine. */
package io.egress.sigma;
