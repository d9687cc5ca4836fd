"""`cplan server init|publish|checkout`: set up a PostgreSQL database for a team plan, upload a plan, copy it back."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from planner.i18n import _


def _author() -> str:
    from planner.history import login_name

    return login_name()


def _command_init(args: argparse.Namespace, out: TextIO) -> int:
    from planner.team.connection import make_server_engine, parse_server_address, server_errors
    from planner.team.schema import ADMIN_ROLE, EDITOR_ROLE, VIEWER_ROLE, set_up_database

    address = parse_server_address(args.url)
    engine = make_server_engine(address)
    try:
        with server_errors(address), engine.begin() as connection:
            result = set_up_database(connection, _author())
    finally:
        engine.dispose()
    roles = ", ".join((VIEWER_ROLE, EDITOR_ROLE, ADMIN_ROLE))
    if result.created_tables:
        print(_("Set up {url} for a team plan: the plan's tables with row versions, and the roles {roles}.")
              .format(url=address.masked, roles=roles), file=out)
    else:
        print(_("{url} was already set up for a team plan; its roles ({roles}) and permissions were checked.")
              .format(url=address.masked, roles=roles), file=out)
    if result.created_roles:
        print(_("Created the roles: {roles}.").format(roles=", ".join(result.created_roles)), file=out)
    print(_("Give each user a role, e.g.: GRANT {role} TO kim;").format(role=EDITOR_ROLE), file=out)
    return 0


def _command_publish(args: argparse.Namespace, out: TextIO) -> int:
    from planner.team.connection import parse_server_address
    from planner.team.transfer import publish_plan

    address = parse_server_address(args.url)
    result = publish_plan(Path(args.file), address, replace=args.replace, author=_author())
    print(_("Published “{title}” ({initiatives} initiatives, {rows} rows) to {url}.").format(
        title=result.title, initiatives=f"{result.initiatives:,}", rows=f"{result.total:,}", url=address.masked),
        file=out)
    return 0


def _command_checkout(args: argparse.Namespace, out: TextIO) -> int:
    from planner.team.connection import parse_server_address
    from planner.team.transfer import checkout_plan

    address = parse_server_address(args.url)
    written, result = checkout_plan(address, Path(args.out), force=args.force)
    print(_("Wrote “{title}” ({initiatives} initiatives, {rows} rows) from {url} to {file}.").format(
        title=result.title, initiatives=f"{result.initiatives:,}", rows=f"{result.total:,}", url=address.masked,
        file=written), file=out)
    return 0


def register(commands: argparse._SubParsersAction, language_option: argparse.ArgumentParser) -> None:
    """Add `cplan server init URL`, `cplan server publish FILE URL [--replace]`, `cplan server checkout URL OUT`."""
    url_help = _("the team database, e.g. postgresql://kim@server/plan (the password from PGPASSWORD or "
                 "~/.pgpass is best; it is never stored)")
    server = commands.add_parser(
        "server", parents=[language_option], help=_("share a plan on a PostgreSQL server (team plan)"),
        description=_("Set up a PostgreSQL database for a team plan, upload a plan file to it, or copy the team "
                      "plan to a plan file for offline work (it merges back with 'cplan merge'). Exit status: 0 on "
                      "success, 2 on bad input or when the server cannot be used."))
    actions = server.add_subparsers(dest="action", required=True, metavar="ACTION")
    init = actions.add_parser(
        "init", parents=[language_option], help=_("create the plan's tables and the roles in an empty database"),
        description=_("Create the plan's tables (with row versions) and the roles cplan_viewer, cplan_editor and "
                      "cplan_admin in an empty database. Run it as the database's owner with the right to create "
                      "roles (e.g. postgres). Running it again only puts the permissions right."))
    init.add_argument("url", metavar="URL", help=url_help)
    init.set_defaults(handler=_command_init)
    publish = actions.add_parser("publish", parents=[language_option],
                                 help=_("upload a plan file to the team database"))
    publish.add_argument("file", metavar="FILE", help=_("the plan file"))
    publish.add_argument("url", metavar="URL", help=url_help)
    publish.add_argument("--replace", action="store_true",
                         help=_("replace the plan the database already holds"))
    publish.set_defaults(handler=_command_publish)
    checkout = actions.add_parser("checkout", parents=[language_option],
                                  help=_("copy the team plan to a plan file for offline work"))
    checkout.add_argument("url", metavar="URL", help=url_help)
    checkout.add_argument("out", metavar="OUT", help=_("the plan file to write"))
    checkout.add_argument("--force", action="store_true", help=_("replace OUT if it exists"))
    checkout.set_defaults(handler=_command_checkout)
