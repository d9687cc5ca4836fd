"""The Document page: the plan's guideline outline, its narrative sections edited as 개조식 text, the cover."""
