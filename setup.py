"""Packaging glue: installs the top-level resources/ folder as the package data planner/_resources."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["planner", "planner.*", "desktop_app", "desktop_app.*"]), "planner._resources"],
    package_dir={"planner._resources": "resources"},
    package_data={"planner._resources": ["**/*"], "planner.storage.migrations": ["*.mako"]},
)
