from crosscheck.cli import app

app()
