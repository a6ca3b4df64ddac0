// User Specific Views (Universal Actions): the card Teams shows one person, with only the
// buttons that person can use. Everyone first receives the card with every button; Teams then
// asks for each viewer's own version (refresh), and a click answers with the clicker's version.
// The rule itself is the core's, shared with the board and the local chat.
export { forViewer, type Viewer } from "../../../core/views/viewer.ts";
