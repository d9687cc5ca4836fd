"""`cplan profiles`: list the guideline profiles, and copy one to edit it."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from planner.i18n import _, current_language

EXIT_OK = 0
EXIT_BROKEN_PROFILES = 1  # planner.cli.EXIT_FINDINGS: some user profile files cannot be used


def profiles_json(profiles: list[Any], errors: list[Any], language: str) -> dict[str, Any]:
    """What `cplan profiles --json` prints: the usable profiles and the broken files (keys in English)."""
    from planner.guidelines.loader import user_profiles_dir

    return {
        "user_folder": str(user_profiles_dir()),
        "profiles": [
            {"id": profile.id, "name": profile.name.get(language), "plan_type": profile.plan_type,
             "language": profile.language, "numbering": profile.numbering, "builtin": profile.builtin,
             "file": str(profile.source) if profile.source else None}
            for profile in profiles
        ],
        "problems": [
            {"file": str(error.source) if error.source else None,
             "problems": [problem.as_json() for problem in error.problems]}
            for error in errors
        ],
    }


def profile_lines(profiles: list[Any], errors: list[Any], language: str) -> list[str]:
    """The readable listing: one row per profile, then every broken file with its problems."""
    from planner.cli import format_table
    from planner.guidelines.loader import user_profiles_dir
    from planner.model.vocabulary import PLAN_TYPES

    rows = [
        [profile.id, profile.name.get(language), _(PLAN_TYPES.get(profile.plan_type, profile.plan_type)),
         profile.language, _("built-in") if profile.builtin else _("own"), str(profile.source or "")]
        for profile in profiles
    ]
    lines = format_table([_("Id"), _("Name"), _("Plan type"), _("Language"), _("Kind"), _("File")], rows)
    lines += ["", _("Your own profiles go in {folder}.").format(folder=user_profiles_dir())]
    if errors:
        lines += ["", _("These profile files cannot be used:")]
        for error in errors:
            lines.append(f"  {error.source}")
            lines += [f"    {problem}" for problem in error.problems]
    return lines


def _command_profiles(args: argparse.Namespace, out: TextIO) -> int:
    from planner.guidelines.loader import all_profiles

    profiles, errors = all_profiles()
    data = profiles_json(profiles, errors, current_language())
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2), file=out)
    else:
        print("\n".join(profile_lines(profiles, errors, current_language())), file=out)
    return EXIT_BROKEN_PROFILES if errors else EXIT_OK


def _command_profiles_copy(args: argparse.Namespace, out: TextIO) -> int:
    from planner.guidelines.loader import copy_profile

    target = copy_profile(args.profile_id, args.new_id)
    if args.json:
        print(json.dumps({"id": args.new_id, "source": args.profile_id, "file": str(target)}, ensure_ascii=False,
                         indent=2), file=out)
    else:
        print(_("Copied the profile {source} to {file}; edit it, then run 'cplan profiles' to check it.").format(
            source=args.profile_id, file=target), file=out)
    return EXIT_OK


def register(commands: argparse._SubParsersAction, language_option: argparse.ArgumentParser) -> None:
    """Add `cplan profiles [--json]` and `cplan profiles copy ID NEW_ID` to `cplan`."""
    profiles = commands.add_parser(
        "profiles", parents=[language_option], help=_("list the guideline profiles, or copy one to edit it"),
        description=_("List the built-in guideline profiles and your own (the files in your profile folder). "
                      "Exit status: 0 when every profile file can be used, 1 when some cannot (each problem is "
                      "listed with its line), 2 on bad input."))
    profiles.add_argument("--json", action="store_true", help=_("print JSON (keys in English)"))
    profiles.set_defaults(handler=_command_profiles)
    actions = profiles.add_subparsers(dest="action", required=False, metavar="ACTION")
    copy = actions.add_parser("copy", parents=[language_option],
                              help=_("copy a profile into your profile folder to edit it"))
    copy.add_argument("profile_id", metavar="ID", help=_("the profile to copy"))
    copy.add_argument("new_id", metavar="NEW_ID",
                      help=_("the copy's id and file name (lower-case letters, digits and hyphens)"))
    copy.add_argument("--json", action="store_true", help=_("print JSON (keys in English)"))
    copy.set_defaults(handler=_command_profiles_copy)
