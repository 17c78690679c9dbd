// Vue 3: the prebuilt bundle (@perron/elements/perron.js), listened to with @perron-pledge.
import '@perron/elements/perron.js';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#root');
