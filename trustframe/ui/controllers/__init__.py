"""Controllers: the service calls, background work and undo of a screen, apart from its widgets."""
