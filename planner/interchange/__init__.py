"""Moving plans in and out of other formats: the complete plan as JSON, checked strictly on the way in."""
