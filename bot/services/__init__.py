"""Use-cases. Each takes the unit of work and a clock (keyword-only) and returns domain objects."""
