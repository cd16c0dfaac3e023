"""The detection rules, one module per family of quotation patterns."""
