// Placeholder: tests to come with the implementation.
