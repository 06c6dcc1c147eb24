package org.a2clab.ui.training;

/**
 * Why a run failed. {@code atStart}: the session could not build its network (e.g. GPU asked for
 * but absent), so there is nothing to resume; otherwise the last good network is kept.
 */
public record Failure(String message, boolean atStart) {
}
