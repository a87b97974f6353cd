"""Looking inside: hooks, activations and class-activation maps, their faithfulness, overlays, rendering,
the layer summary and the Learn panel's explanations."""
