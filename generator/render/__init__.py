"""Renderers: pure functions from the model to text, one module per output."""
