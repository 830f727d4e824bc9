"""Polls for jobs and skips blocked hosts."""

import time

HOST_BLACKLIST = ["10.0.0.13"]


def allowed(host: str) -> bool:
    return host not in HOST_BLACKLIST


def main() -> None:
    while True:
        time.sleep(5)


if __name__ == "__main__":
    main()
