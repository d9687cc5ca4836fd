"""The roadmap: a Gantt chart of the plan's initiatives in swimlanes, with links, floats and the critical path."""
