FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /workspace
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q package -DskipTests \
 && mkdir -p target/extracted \
 && java -Djarmode=layertools -jar target/*.jar extract --destination target/extracted

FROM eclipse-temurin:21-jre-jammy AS runtime
RUN groupadd --system spring && useradd --system --gid spring spring
WORKDIR /app
COPY --from=build --chown=spring:spring /workspace/target/extracted/dependencies/ ./
COPY --from=build --chown=spring:spring /workspace/target/extracted/spring-boot-loader/ ./
COPY --from=build --chown=spring:spring /workspace/target/extracted/snapshot-dependencies/ ./
COPY --from=build --chown=spring:spring /workspace/target/extracted/application/ ./
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError"
USER spring:spring
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD ["curl", "-fsS", "http://localhost:8080/actuator/health"]
ENTRYPOINT exec java $JAVA_OPTS org.springframework.boot.loader.launch.JarLauncher

# Images built FROM this one get their sources compiled in.
FROM runtime AS onbuild
ONBUILD COPY --chown=spring:spring . /app/src
ONBUILD RUN echo "building child image" \
    && ls -la /app/src
