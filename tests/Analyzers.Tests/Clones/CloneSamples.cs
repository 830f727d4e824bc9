namespace Consolidate.Analyzers.Tests.Clones;

/// <summary>Realistic code for the clone engine's tests: each sample is well above the default minimum size.</summary>
internal static class CloneSamples
{
    public const string PythonDeploy = """
        def deploy_service(name, replicas, registry):
            image = f"{registry}/{name}:latest"
            client = docker.from_env()
            client.images.pull(image)
            for index in range(replicas):
                container = client.containers.run(image, name=f"{name}-{index}", detach=True)
                log.info("started %s", container.id)
            if replicas == 0:
                raise ValueError("no replicas requested")
            return client.containers.list(filters={"name": name})
        """;

    /// <summary><see cref="PythonDeploy"/> with every identifier and literal changed.</summary>
    public const string PythonDeployRenamed = """
        def launch_worker(label, count, mirror):
            tag = f"{mirror}/{label}:stable"
            api = podman.connect()
            api.images.fetch(tag)
            for slot in range(count):
                box = api.containers.run(tag, name=f"{label}_{slot}", detach=True)
                logger.debug("launched %r", box.name)
            if count == 1:
                raise RuntimeError("single worker only")
            return api.containers.list(filters={"label": label})
        """;

    /// <summary><see cref="PythonDeploy"/> with a statement inserted and one changed.</summary>
    public const string PythonDeployNear = """
        def deploy_service(name, replicas, registry):
            image = f"{registry}/{name}:latest"
            client = docker.from_env()
            client.login(registry)
            client.images.pull(image)
            for index in range(replicas):
                container = client.containers.run(image, name=f"{name}-{index}", detach=True)
                log.info("started %s", container.id)
            if replicas == 0:
                raise ValueError("no replicas requested", replicas)
            return client.containers.list(filters={"name": name})
        """;

    public const string PythonReport = """
        def summarize_results(rows, threshold):
            totals = {}
            for row in rows:
                key = row["suite"]
                totals.setdefault(key, []).append(row["duration"])
            slow = [suite for suite, values in totals.items() if max(values) > threshold]
            with open("summary.txt", "w") as handle:
                for suite in sorted(slow):
                    handle.write(suite + "\n")
            return len(slow)
        """;

    public const string PythonParse = """
        class ConfigReader:
            def __init__(self, path):
                self.path = path
                self.values = {}

            def load(self):
                with open(self.path) as stream:
                    for line in stream:
                        if "=" not in line:
                            continue
                        key, value = line.split("=", 1)
                        self.values[key.strip()] = value.strip()
                return self.values
        """;

    public const string ShellBuild = """
        build_image() {
          local tag="$1"
          docker build --pull -t "registry.local/app:${tag}" -f docker/Dockerfile .
          docker push "registry.local/app:${tag}"
          if [ -n "${CI:-}" ]; then
            echo "pushed registry.local/app:${tag}" >> "$GITHUB_STEP_SUMMARY"
          fi
          git tag -a "v${tag}" -m "release ${tag}"
          git push origin "v${tag}"
        }
        """;

    /// <summary><see cref="ShellBuild"/> with the function, variables and literals renamed (same commands).</summary>
    public const string ShellBuildRenamed = """
        make_release() {
          local version="$2"
          docker build --pull -t "ghcr.io/team/api:${version}" -f build/api.Dockerfile src
          docker push "ghcr.io/team/api:${version}"
          if [ -n "${GITLAB_CI:-}" ]; then
            echo "published ghcr.io/team/api:${version}" >> "$SUMMARY_FILE"
          fi
          git tag -a "release-${version}" -m "api ${version}"
          git push upstream "release-${version}"
        }
        """;

    public const string ShellCleanup = """
        cleanup_workspace() {
          find /var/tmp/build -type f -mtime +7 -delete
          rm -rf "${WORKSPACE}/dist" "${WORKSPACE}/.cache"
          mkdir -p "${WORKSPACE}/dist"
          du -sh "${WORKSPACE}" | tee -a cleanup.log
          journalctl --vacuum-time=3d
          systemctl restart build-agent.service
        }
        """;

    public const string DockerfileApp = """
        FROM python:3.12-slim AS runtime
        WORKDIR /srv/app
        COPY requirements.txt /srv/app/requirements.txt
        RUN pip install --no-cache-dir -r /srv/app/requirements.txt
        COPY src/ /srv/app/src/
        ENV PYTHONUNBUFFERED=1 APP_ENV=production
        EXPOSE 8080
        USER 10001
        HEALTHCHECK --interval=30s CMD curl -fsS http://localhost:8080/health
        CMD ["python", "-m", "src.server", "--port", "8080"]
        """;

    /// <summary>A build stage well above the minimum size without its FROM line.</summary>
    public const string DockerBuildStage = """
        FROM golang:1.22 AS build
        ARG TARGETOS=linux TARGETARCH=amd64
        ENV GOOS=${TARGETOS} GOARCH=${TARGETARCH} GOFLAGS=-mod=readonly
        WORKDIR /src
        COPY go.mod go.sum ./
        RUN go mod download && go mod verify
        COPY cmd/ ./cmd/
        COPY internal/ ./internal/
        RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o /out/server ./cmd/server \
            && go test ./internal/... \
            && strip /out/server
        RUN mkdir -p /out/config && cp internal/config/defaults.yaml /out/config/
        """;

    /// <summary><see cref="DockerBuildStage"/> with every path, name and value changed (same commands and options).</summary>
    public const string DockerBuildStageRenamed = """
        FROM golang:1.21 AS compile
        ARG TARGETOS=darwin TARGETARCH=arm64
        ENV GOOS=${TARGETOS} GOARCH=${TARGETARCH} GOFLAGS=-mod=vendor
        WORKDIR /workspace
        COPY go.mod go.sum ./
        RUN go mod download && go mod verify
        COPY app/ ./app/
        COPY pkg/ ./pkg/
        RUN CGO_ENABLED=1 go build -trimpath -ldflags "-X main.version=2" -o /dist/api ./app/api \
            && go test ./pkg/... \
            && strip /dist/api
        RUN mkdir -p /dist/etc && cp pkg/settings/base.yaml /dist/etc/
        """;

    public const string DockerRuntimeStage = """
        FROM gcr.io/distroless/static:nonroot
        COPY --from=build /out/server /server
        COPY --from=build /out/config /config
        EXPOSE 8443
        USER 65532:65532
        ENTRYPOINT ["/server", "--config", "/config/defaults.yaml"]
        """;

    /// <summary>Eight statements that two unrelated functions both contain (a pasted block).</summary>
    public const string PythonPastedBlock = """
        session = requests.Session()
        session.headers.update({"Authorization": f"Bearer {token}", "Accept": "application/json"})
        retries = Retry(total=5, backoff_factor=0.5, status_forcelist=[502, 503, 504])
        session.mount("https://", HTTPAdapter(max_retries=retries))
        response = session.get(f"{base_url}/api/v2/items", params={"page": page, "size": 100}, timeout=30)
        response.raise_for_status()
        payload = response.json()
        items.extend(payload["items"])
        """;

    /// <summary>Ten commands two unrelated function-less scripts both contain.</summary>
    public const string ShellPastedBlock = """
        mkdir -p /opt/agent/bin /opt/agent/conf /var/log/agent
        curl -fsSL "https://downloads.example.com/agent/${AGENT_VERSION}/agent-linux-amd64.tar.gz" -o /tmp/agent.tar.gz
        tar -xzf /tmp/agent.tar.gz -C /opt/agent/bin --strip-components 1
        install -m 0644 conf/agent.yaml /opt/agent/conf/agent.yaml
        useradd --system --home /opt/agent --shell /usr/sbin/nologin agent || true
        chown -R agent:agent /opt/agent /var/log/agent
        install -m 0644 systemd/agent.service /etc/systemd/system/agent.service
        systemctl daemon-reload
        systemctl enable --now agent.service
        rm -f /tmp/agent.tar.gz
        """;
}
