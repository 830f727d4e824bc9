FROM ruby:3.3-slim-bookworm
MAINTAINER Example Maintainers <maintainers@example.com>

LABEL org.opencontainers.image.title="blog" \
      org.opencontainers.image.description="A Rails blog" \
      org.opencontainers.image.vendor="Example"

# skip installing gem documentation
RUN set -eux; \
	mkdir -p /usr/local/etc; \
	{ \
		echo 'install: --no-document'; \
		echo 'update: --no-document'; \
	} >> /usr/local/etc/gemrc

ENV BUNDLE_PATH=/usr/local/bundle \
    BUNDLE_WITHOUT="development:test" \
    RAILS_ENV=production
ENV PATH=$BUNDLE_PATH/bin:$PATH

RUN apt-get update -qq \
 && apt-get install --no-install-recommends -y build-essential libpq-dev libyaml-dev \
 && rm -rf /var/lib/apt/lists /var/cache/apt/archives

WORKDIR /rails
COPY Gemfile Gemfile.lock ./
RUN bundle install && \
    rm -rf ~/.bundle/ "${BUNDLE_PATH}"/ruby/*/cache "${BUNDLE_PATH}"/ruby/*/bundler/gems/*/.git

COPY . .
RUN SECRET_KEY_BASE_DUMMY=1 ./bin/rails assets:precompile

RUN useradd rails --create-home --shell /bin/bash && \
    chown -R rails:rails db log storage tmp
USER 1000:1000

ENTRYPOINT ["/rails/bin/docker-entrypoint"]
EXPOSE 3000
CMD ./bin/rails server -b 0.0.0.0
