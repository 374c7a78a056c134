"""The ``serve`` command: the review web app under uvicorn. ``cli`` imports this module, which
registers the command on ``cli.app``."""

from __future__ import annotations

from typing import Annotated

import typer

from crosscheck.cli import DataDirOption, DbOption, _database, _settings, app, err

__all__ = ["serve"]


@app.command()
def serve(
    db: DbOption = None,
    data_dir: DataDirOption = None,
    host: Annotated[
        str,
        typer.Option(
            "--host",
            help="Address to listen on; 127.0.0.1 keeps the app to this "
            "machine, 0.0.0.0 opens it to the network (put HTTPS in front).",
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    secure_cookies: Annotated[
        bool,
        typer.Option(
            "--secure-cookies",
            help="Send the session cookie over HTTPS only (behind a TLS-terminating proxy).",
        ),
    ] = False,
) -> None:
    """Run the review web app: pages, JSON twins and the REST API (sign-in required)."""
    import uvicorn  # the server and the app load only for this command

    from crosscheck.review import users
    from crosscheck.web import create_app

    with _database(_settings(db, data_dir, None)) as database:
        if not users.list_users(database):
            err.print("no users yet: add one with crosscheck user add NAME --role admin")
        err.print(f"crosscheck review app on http://{host}:{port}/ (Ctrl+C stops it)")
        application = create_app(database, secure_cookies=secure_cookies)
        uvicorn.run(application, host=host, port=port, log_level="warning")
