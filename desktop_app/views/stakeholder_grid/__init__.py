"""The stakeholder grid: influence × interest with quadrants, markers by sector and attitude, drag and snapshots."""
