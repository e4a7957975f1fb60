"""Input contracts: the Great Expectations suites as blocking checks on the raw tables, and
identity coverage per source as a warning check on its mart."""
