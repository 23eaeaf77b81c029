"""The benchmarks (bench/README.md), and the Django pieces only they mount: `bench.settings`
(the production settings plus the floor page and the fresh-page switch), `bench.urls`,
`bench.floor` and `bench.middleware`. The scripts in this folder are run as files, not imported."""
