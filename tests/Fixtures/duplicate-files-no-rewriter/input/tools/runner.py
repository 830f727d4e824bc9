"""Runs the disk check before the batch."""
import subprocess


def run():
    subprocess.run(["bash", "jobs/check.sh"], check=True)
