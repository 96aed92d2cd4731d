"""Signal receivers of the allowance (connected in AllowanceConfig.ready)."""
