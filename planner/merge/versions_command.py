"""`cplan versions FILE`: list a plan's saved versions, name one, or restore one as a new plan file."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TextIO

from planner.i18n import _

ACTIONS = ("name", "restore")


def version_lines(infos: list) -> list[str]:
    """The versions as a table, newest first: id (short), time, author, name, whether it can be restored."""
    from planner.cli import fit, format_table

    header = [_("Version"), _("Saved (UTC)"), _("Author"), _("Name"), _("Content")]
    rows = [[info.id[:8], info.time_text, fit(info.author, 20), fit(info.name, 40),
             _("kept") if info.rebuildable else _("not kept")] for info in infos]
    return format_table(header, rows)


def _command_versions(args: argparse.Namespace, out: TextIO) -> int:
    from planner.cli import EXIT_OK, CommandLineError
    from planner.versions import list_versions, name_version, restore_version

    path = Path(args.file)
    if args.action is None:
        if args.version is not None or args.name is not None or args.out or args.note is not None:
            raise CommandLineError(_("Give an action (name or restore) before a version id."))
        infos = list_versions(path)
        if args.json:
            print(json.dumps({"file": str(path), "versions": [info.as_json() for info in infos]},
                             ensure_ascii=False, indent=2), file=out)
        elif infos:
            print("\n".join(version_lines(infos)), file=out)
        else:
            print(_("{file} records no saved versions yet.").format(file=path.name), file=out)
        return EXIT_OK
    if args.version is None:
        raise CommandLineError(_("Give the id of the version (cplan versions FILE lists them)."))
    if args.action == "name":
        if args.name is None:
            raise CommandLineError(_("Give the name: cplan versions FILE name VERSION_ID \"NAME\"."))
        info = name_version(path, args.version, args.name, args.note)
        if args.json:
            print(json.dumps(info.as_json(), ensure_ascii=False, indent=2), file=out)
        else:
            print(_("Version {version} is now named \"{name}\".").format(version=info.id[:8], name=info.name), file=out)
        return EXIT_OK
    if args.name is not None:
        raise CommandLineError(_("restore takes one version id and --out NEW.cplan."))
    if not args.out:
        raise CommandLineError(_("Give the new plan file: --out NEW.cplan."))
    written = restore_version(path, args.version, Path(args.out), force=args.force)
    if args.json:
        print(json.dumps({"file": str(path), "version": args.version, "out": str(written)}, ensure_ascii=False,
                         indent=2), file=out)
    else:
        print(_("Version {version} of {file} written as the new plan {out}.").format(
            version=args.version, file=path.name, out=written), file=out)
    return EXIT_OK


def register(commands: argparse._SubParsersAction, language_option: argparse.ArgumentParser) -> None:
    """Add `cplan versions FILE [--json]`, `cplan versions FILE name VERSION_ID NAME [--note NOTE]` and
    `cplan versions FILE restore VERSION_ID --out NEW.cplan [--force]`."""
    command = commands.add_parser(
        "versions", parents=[language_option], help=_("list, name or restore the saved versions of a plan"),
        usage="cplan versions FILE [--json] | FILE name VERSION_ID NAME [--note NOTE] | "
              "FILE restore VERSION_ID --out NEW.cplan [--force]",
        description=_("Every save records a version of the plan. Without an action, list them newest first; "
                      "'name' gives one a name (and --note a note); 'restore' writes one as a new plan file that "
                      "shares the plan's lineage. The content of the last 100 versions is kept. A version id may be "
                      "shortened to its first 8 characters. Exit status: 0 on success, 2 on bad input (nothing is "
                      "written)."))
    command.add_argument("file", metavar="FILE", help=_("the plan file"))
    command.add_argument("action", nargs="?", choices=ACTIONS, help=_("name or restore"))
    command.add_argument("version", nargs="?", metavar="VERSION_ID", help=_("the version (as listed)"))
    command.add_argument("name", nargs="?", metavar="NAME", help=_("the version's new name"))
    command.add_argument("--note", help=_("a note on the version (with name)"))
    command.add_argument("--out", metavar="NEW.cplan", help=_("the new plan file to write (with restore)"))
    command.add_argument("--force", action="store_true", help=_("replace NEW.cplan if it exists"))
    command.add_argument("--json", action="store_true", help=_("print JSON (keys in English)"))
    command.set_defaults(handler=_command_versions)
