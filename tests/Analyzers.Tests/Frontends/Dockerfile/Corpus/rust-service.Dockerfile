# syntax=docker/dockerfile:1.7-labs
# check=error=true

ARG RUST_VERSION=1.79
ARG APP_NAME=service

FROM rust:${RUST_VERSION}-slim-bookworm AS build
ARG APP_NAME
WORKDIR /app

RUN --mount=type=bind,source=src,target=src \
    --mount=type=bind,source=Cargo.toml,target=Cargo.toml \
    --mount=type=bind,source=Cargo.lock,target=Cargo.lock \
    --mount=type=cache,target=/app/target/ \
    --mount=type=cache,target=/usr/local/cargo/git/db \
    --mount=type=cache,target=/usr/local/cargo/registry/ \
    <<EOF
set -e
cargo build --locked --release
cp ./target/release/$APP_NAME /bin/server
EOF

FROM debian:bookworm-slim AS final

ARG UID=10001
RUN adduser \
    --disabled-password \
    --gecos "" \
    --home "/nonexistent" \
    --shell "/sbin/nologin" \
    --no-create-home \
    --uid "${UID}" \
    appuser

RUN <<-EOF
	set -eux
	apt-get update
	apt-get install -y --no-install-recommends ca-certificates
	rm -rf /var/lib/apt/lists/*
	EOF

COPY --from=build /bin/server /bin/
USER appuser
EXPOSE 8000
CMD ["/bin/server"]
