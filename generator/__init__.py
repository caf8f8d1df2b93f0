"""Generator of the governance handbook for Swedish inter-municipal cooperation."""
