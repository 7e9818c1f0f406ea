// Activity and meter listeners are process-wide: one test class at a time, so each sees only its own sweeps.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
