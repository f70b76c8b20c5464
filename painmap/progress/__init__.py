"""Self-care plan and progress log: try one step at a time, log each day, see if it works."""
