// Opens an evgraph export with graphology, exactly as a sigma.js user does
// (graphology-gexf's or graphology-graphml's parse(Graph, text)), and prints
// what graphology holds as JSON: {order, size, nodes: {key: attributes},
// edges: [{source, target, attributes}]}.
// Usage: node read_graph.js gexf|graphml FILE  (NODE_PATH: the node_modules)
'use strict';
const fs = require('fs');
const {MultiGraph} = require('graphology');

const [kind, file] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');
const parser = kind === 'gexf' ? require('graphology-gexf') : require('graphology-graphml');
const graph = parser.parse(MultiGraph, text);
const out = {order: graph.order, size: graph.size, type: graph.type, nodes: {}, edges: []};
graph.forEachNode((key, attrs) => { out.nodes[key] = attrs; });
graph.forEachEdge((key, attrs, source, target) => {
  out.edges.push({key, source, target, attributes: attrs});
});
process.stdout.write(JSON.stringify(out));
