"""Pure rules: clocks, routing choices, metrics. No I/O, no Qt."""
