from reader.console import run

run()
