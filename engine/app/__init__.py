"""Use cases the front ends call: the engine session, live video, and the tasks each tab and command runs."""
