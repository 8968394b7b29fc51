"""What a text asserts: quotations, who says them, and claims."""
