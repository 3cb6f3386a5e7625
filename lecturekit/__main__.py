from lecturekit.cli import run

run()
