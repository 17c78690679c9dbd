// Svelte 5: one define module per tag, listened to with onperron-pledge.
import { mount } from 'svelte';
import App from './App.svelte';

mount(App, { target: document.getElementById('root') });
